#!/usr/bin/env bash
# Builds the Python package `nass` (crates/nass-python) into a virtual environment under
# target/, installs the test tools and the peers the drop-in modules are checked against,
# and runs the Python tests (pytest, with the docstring examples) and mypy --strict on the
# tests and examples.
#
# Usage: scripts/test-python.sh [--spark] [pytest arguments...]
#   --spark   also install PySpark, pandas and datasets and run the Spark and Hugging Face
#             tests (Java 17 or later must be on PATH; .ci/run installs one with apt).
# Environment: NASS_CORPUS (the corpus directory, default ../shared/corpus), PYTHON (the
# interpreter to build the environment with, default python3), NASS_PY_PROFILE (release
# or debug; default release, what `pip install` builds).
set -euo pipefail
cd "$(dirname "$0")/.."

export NASS_CORPUS="${NASS_CORPUS:-../shared/corpus}"
spark=0
if [[ "${1:-}" == "--spark" ]]; then
    spark=1
    shift
fi
venv=target/python-venv
python="${PYTHON:-python3}"
step() { printf '\n==> %s\n' "$*"; }

step "virtual environment in $venv"
if [[ ! -x "$venv/bin/python" ]]; then
    "$python" -m venv "$venv"
fi
py="$venv/bin/python"
"$py" -m pip install -q --upgrade pip
"$py" -m pip install -q "maturin>=1.5,<2" pytest hypothesis mypy pyarrow pyarabic==0.6.15
if [[ $spark == 1 ]]; then
    "$py" -m pip install -q pyspark "pandas<3" datasets
fi
# The peers the drop-in modules are compared with, byte for byte: PyArabic above, and
# CAMeL Tools, whose utils need only these of its dependencies (installed last, so that
# pip does not list the dependencies left out).
"$py" -m pip install -q --no-deps camel-tools==1.6.0 emoji regex six

step "build and install the package"
if [[ "${NASS_PY_PROFILE:-release}" == debug ]]; then
    # A debug build for quick iterations (maturin develop installs in place).
    VIRTUAL_ENV="$PWD/$venv" PATH="$PWD/$venv/bin:$PATH" \
        "$venv/bin/maturin" develop -q -m crates/nass-python/Cargo.toml
else
    "$py" -m pip install -q --force-reinstall --no-deps ./crates/nass-python
fi

step "mypy --strict on the tests and examples"
"$py" -m mypy --config-file crates/nass-python/pyproject.toml crates/nass-python/tests examples/*.py

step "pytest"
args=(crates/nass-python/tests -q -p no:cacheprovider)
if [[ $spark == 1 ]]; then
    export NASS_TEST_SPARK=1
fi
"$py" -m pytest "${args[@]}" "$@"
