# Bank account: deposit, withdraw and balance are three closures over the
# same cells (`balance` and `history`). A change made through one closure is
# seen by the others; a second account has its own cells.

def open_account(owner, balance=0):
    history = []

    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        balance += amount
        history.append(("deposit", amount))
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError(f"insufficient funds: {owner} has {balance}, wants {amount}")
        balance -= amount
        history.append(("withdraw", amount))
        return balance

    def get_balance():
        return balance

    return {"deposit": deposit, "withdraw": withdraw, "balance": get_balance, "history": history}

alice = open_account("alice", 50)
bob = open_account("bob")
print(alice["deposit"](25))
print(alice["withdraw"](60))
for amount in [10, 100]:
    try:
        print(f"withdrew {amount}, left {alice['withdraw'](amount)}")
    except ValueError as e:
        print(f"error: {e}")
try:
    bob["deposit"](-5)
except ValueError as e:
    print(f"error: {e}")
bob["deposit"](7)
print(alice["balance"](), bob["balance"]())
print(alice["history"])
print(bob["history"])
