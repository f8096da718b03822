# Attribute lookup on a dict that has no such attribute.
def make_account():
    return {"owner": "ann", "balance": 10}
account = make_account()
print(account["balance"])
print(account.balance)
