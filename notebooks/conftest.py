"""`pytest --nbval notebooks/` (and `make test`): nbval executes every notebook once and compares
its stored outputs; zjcounty.build.nbcheck starts each kernel as `make` does and checks the figures
that same execution exported (CONTRIBUTING.md, "What runs where")."""

from zjcounty.build.nbcheck import pytest_collection_modifyitems, pytest_runtest_setup  # noqa: F401
