import unittest


class Quick(unittest.TestCase):
    def test_a(self):
        self.assertIn("a", "abc")

    def test_b(self):
        self.assertNotIn("z", "abc")

    def test_k_filtered(self):
        self.fail("selected by -k")
