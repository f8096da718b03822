# Imports: dotted names bound whole or by their first component, relative imports
# (the leading dots are the level), `from m import *`, and method calls on modules
# imported at module level (LOAD_ATTR, not LOAD_METHOD).
import os
import os.path
import xml.dom.minidom as minidom
from . import sibling
from .. import parent as p
from ..pkg.mod import name, other as alias
from collections import *
os.getcwd()
os.path.join("a", "b")
minidom.parseString("<a/>")
def uses():
    return os.getcwd(), sibling.f(), p.g(1)
