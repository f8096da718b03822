def fail():
    return {}["key"]


print("raising runs")
fail()
