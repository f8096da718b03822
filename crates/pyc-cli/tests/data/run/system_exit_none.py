# exit() with no code, or None, ends the process with status 0 and prints nothing more.
print("done")
raise SystemExit(None)
