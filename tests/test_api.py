"""The public names of `import reviewextract` (loaded lazily, PEP 562)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT

# Each line runs in a fresh interpreter, as the order in which modules are first imported is
# what matters: a submodule named like a public function would replace it on the package.
ORDERS = {
    "html-first": "from reviewextract import extract_html; extract_html(PAGE); "
                  "from reviewextract import extract",
    "internal-import-first": "import reviewextract.html, reviewextract.batch, reviewextract.cli; "
                             "import reviewextract.commands.extract; "
                             "import reviewextract.fields; from reviewextract import extract",
    "name-first": "from reviewextract import extract; import reviewextract.html",
}
PAGE = ('"<html><body><article><p>Der Film „Lichtspiel“ (2021) von Regisseurin Mara Feld '
        'dauert 104 Minuten. Die Kamera ist großartig.</p></article></body></html>"')


@pytest.mark.parametrize("code", ORDERS.values(), ids=ORDERS.keys())
def test_public_functions_stay_functions_whatever_was_imported_first(code: str) -> None:
    check = ("; import reviewextract, types; "
             "assert isinstance(extract, types.FunctionType), type(extract); "
             "assert isinstance(reviewextract.extract, types.FunctionType); "
             "assert isinstance(reviewextract.extract_html, types.FunctionType); "
             "print(reviewextract.extract('Die Serie „Dark“ hat zehn Folgen.').episodes)")
    out = subprocess.run([sys.executable, "-c", f"PAGE = {PAGE}; {code}{check}"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "10"


def test_dir_lists_the_public_names() -> None:
    import reviewextract

    assert {"extract", "extract_html", "Review", "to_jsonld", "embed"} <= set(dir(reviewextract))
