class Loader:
    def load(self):
        from os import *
