#!/usr/bin/env bash
# Every test of the project, the README's test command: the Rust workspace (unit,
# property, corpus, doc and command-line tests) and the Python package (pytest with
# hypothesis, the docstring examples, mypy --strict, the drop-in modules against CAMeL
# Tools and PyArabic, and the Spark and Hugging Face datasets examples).
#
# Installs what the Python tests need: pip packages into a virtual environment under
# target/ (scripts/test-python.sh), and a Java runtime for Spark with apt when none is
# on PATH. The corpus is read from NASS_CORPUS (default ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."

printf '\n==> cargo test --workspace\n'
cargo test --workspace

if ! command -v java >/dev/null 2>&1; then
    printf '\n==> a Java runtime for Spark (apt)\n'
    sudo_=""
    [ "$(id -u)" -eq 0 ] || sudo_="sudo"
    $sudo_ apt-get update -q >/dev/null
    $sudo_ apt-get install -y -q openjdk-17-jre-headless >/dev/null
fi

printf '\n==> Python package\n'
scripts/test-python.sh --spark
