#!/bin/sh
# npm run mutate [-- stryker options, e.g. --mutate 'src/domain/sla/**/*.ts']
# Stryker runs the tests in a copy of the project under .stryker-tmp/; the tests read ../shared/
# (the contract's data beside the project), so the copy gets the same neighbour.
set -e
cd "$(dirname "$0")/.."
mkdir -p .stryker-tmp reports
[ -e .stryker-tmp/shared ] || ln -s ../../shared .stryker-tmp/shared
# a run on fewer tests (MUTATE_TESTS, see vitest.stryker.config.ts) keeps its own incremental file
# (npm run mutate's parts name theirs, in test/mutation/, committed: MUTATE_INCREMENTAL)
if [ -n "$MUTATE_INCREMENTAL" ]; then
  set -- --incrementalFile "$MUTATE_INCREMENTAL" "$@"
elif [ -n "$MUTATE_TESTS" ]; then
  set -- --incrementalFile "reports/stryker-incremental-$(printf %s "$MUTATE_TESTS" | cksum | cut -d' ' -f1).json" "$@"
fi
exec node node_modules/@stryker-mutator/core/bin/stryker.js run "$@"
