# An exception raised in a finally block while another is propagating.
def cleanup():
    try:
        return {}["key"]
    finally:
        print("cleaning up")
        undefined_in_finally
cleanup()
