import sys
import shapes
import shapes.flat
import shapes.solid.cube as cube
from shapes import flat as f2, circle
from shapes.flat import (square as sq, triangle)
from shapes.flat import *
import helpers, helpers

print(shapes)
print(shapes.flat.__name__, shapes.flat.__package__, shapes.flat.__spec__.name)
print(shapes.__path__[0].endswith("shapes"), shapes.__file__.endswith("__init__.py"))
print(cube.volume(3), cube.describe())
print(f2 is shapes.flat, sq(4), triangle(3, 4), area_names)
print("hidden" in dir(), "_private" in dir(), "PUBLIC" in dir())
print(circle.area(1) > 3.14, shapes.solid.cube is cube)
print(sys.modules["shapes.flat"] is shapes.flat, "helpers" in sys.modules)
print(helpers.calls, helpers.counter()(), helpers.counter()())


def local_import():
    import shapes.solid as solid
    from shapes.flat import square
    return solid.__name__, square(2), "solid" in locals()


print(local_import(), "solid" in globals())
m = __import__("shapes.flat", fromlist=["square"])
print(m.__name__, __import__("shapes.flat").__name__)
print(__name__, __package__, __spec__)
if __name__ == "__main__":
    print("run as a script")
