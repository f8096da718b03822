import sys
import unittest

log = []


def setUpModule():
    log.append("setUpModule")


def tearDownModule():
    log.append("tearDownModule")
    print(log)


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")
        cls.shared = []

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")

    def setUp(self):
        self.addCleanup(log.append, "cleanup " + self._testMethodName)

    def test_a(self):
        self.shared.append("a")
        log.append("a")

    def test_b(self):
        log.append("b " + str(self.shared))
        self.skipTest("skipped inside")

    def test_c_subtests(self):
        for i in range(4):
            with self.subTest(i=i, even=i % 2 == 0):
                self.assertNotEqual(i, 2)
                if i == 3:
                    raise RuntimeError("three")


class BrokenSetUp(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise ValueError("class fixture broke")

    def test_never_runs(self):
        log.append("never")


def load_tests(loader, tests, pattern):
    suite = unittest.TestSuite()
    suite.addTests(loader.loadTestsFromTestCase(Fixtures))
    suite.addTests(loader.loadTestsFromTestCase(BrokenSetUp))
    return suite


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    print("run", result.testsRun, "failures", len(result.failures), "errors", len(result.errors),
          "skipped", len(result.skipped), "ok", result.wasSuccessful())
    sys.exit(3)
