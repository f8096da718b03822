"""Tests of a closure-based shape factory, run as `python -m unittest -v test_shapes`."""
import unittest


def make_scaler(factor):
    def scale(x):
        return x * factor
    return scale


class ScalerTests(unittest.TestCase):
    def test_double(self):
        self.assertEqual(make_scaler(2)(21), 42)

    def test_cell_shared(self):
        f = make_scaler(3)
        self.assertEqual(f.__closure__[0].cell_contents, 3)

    def test_wrong(self):
        """Deliberately wrong expectation."""
        self.assertEqual(make_scaler(2)(2), 5, "scaling is off")

    def test_list_diff(self):
        self.assertListEqual([1, 2, 3], [1, 2, 4])

    def test_raises_regex(self):
        with self.assertRaisesRegex(ValueError, r"bad \d+"):
            raise ValueError("bad 42")

    def test_raises_missing(self):
        with self.assertRaises(KeyError):
            pass

    def test_almost(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertNotAlmostEqual(1.0, 1.1, places=1)

    def test_containers(self):
        self.assertIn(3, [1, 2, 3])
        self.assertIsInstance(make_scaler(1), type(make_scaler))
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertDictEqual({"a": 1}, {"a": 1})

    def test_error_in_closure(self):
        broken = make_scaler(None)
        broken(3)

    @unittest.skipIf(True, "always skipped")
    def test_skip_if(self):
        pass


class GreaterTests(unittest.TestCase):
    def test_greater(self):
        self.assertGreater(2, 3)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass
