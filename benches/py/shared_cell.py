N = 2_000_000  # iterations
# Several closures sharing one cell, bank-account style.
def bank_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
    def withdraw(amount):
        nonlocal balance
        if amount <= balance:
            balance -= amount
    def get_balance():
        return balance
    return deposit, withdraw, get_balance

def run(n):
    deposit, withdraw, get_balance = bank_account(0)
    for i in range(n):
        deposit(3)
        withdraw(2)
    return get_balance()

print(run(N))
