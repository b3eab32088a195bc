"""The widgets package: every widget can be built again and again in one kernel, as Run All twice does."""

import importlib
import pkgutil
import types

import pytest

import workbook.widgets as package
from workbook.widgets import _WIDGETS


def test_no_module_shares_a_name_with_a_widget_function():
    modules = {info.name for info in pkgutil.iter_modules(package.__path__)}
    assert modules.isdisjoint(package.__all__)
    assert {module for module, _ in _WIDGETS.values()} <= modules


@pytest.mark.parametrize("name", package.__all__)
def test_building_a_widget_twice_keeps_the_package_function(name, path):
    for _ in range(2):
        # What a notebook cell does on each run: import the name again, then call it.
        function = getattr(importlib.import_module("workbook.widgets"), name)
        assert isinstance(function, types.FunctionType), f"{name} became {function!r}"
        widget = function(path)
        assert type(widget).__name__ == _WIDGETS[name][1]
