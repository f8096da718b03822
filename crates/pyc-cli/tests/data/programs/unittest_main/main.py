import unittest

class Arith(unittest.TestCase):
    def setUp(self):
        self.x = 2

    def test_add(self):
        """Adding works."""
        self.assertEqual(self.x + 1, 3)

    def test_fail(self):
        self.assertEqual(self.x, 3)

    def test_error(self):
        raise ValueError("bad value")

    @unittest.skip("not now")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertIn("division", str(cm.exception))

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

if __name__ == "__main__":
    unittest.main()
