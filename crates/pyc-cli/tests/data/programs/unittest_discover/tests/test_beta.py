import unittest
from .helpers import triple


class Beta(unittest.TestCase):
    def test_triple(self):
        self.assertEqual(triple(2), 6)

    def test_fails(self):
        self.assertIs(triple(1), None)
