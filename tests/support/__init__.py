"""Helpers shared by the test folders; the conftest.py files hand them to tests as fixtures."""
