#!/bin/sh
# npm run mutate [-- stryker options, e.g. --mutate 'src/domain/sla/**/*.ts']
# Stryker runs the tests in a copy of the project under .stryker-tmp/; the tests read ../shared/
# (the contract's data beside the project), so the copy gets the same neighbour.
set -e
cd "$(dirname "$0")/.."
mkdir -p .stryker-tmp reports
[ -e .stryker-tmp/shared ] || ln -s ../../shared .stryker-tmp/shared
exec node node_modules/@stryker-mutator/core/bin/stryker.js run "$@"
