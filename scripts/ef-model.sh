#!/usr/bin/env bash
# After changing the EF model: adds migration NAME for both providers and regenerates both compiled models
# (Infrastructure/CompiledModels, which queries use). Without NAME, only regenerates the compiled models.
# DatabaseTests.The_migrations_and_the_compiled_model_match_the_model_the_code_builds fails until this has run.
set -euo pipefail
cd "$(dirname "$0")/../src/Kiosque"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  if [ $# -gt 0 ]; then
    dotnet ef migrations add "$1" --context "${provider}KiosqueDb" --output-dir "Infrastructure/Migrations/$provider"
  fi
  rm -rf "Infrastructure/CompiledModels/$provider"
  dotnet ef dbcontext optimize --context "${provider}KiosqueDb" --output-dir "Infrastructure/CompiledModels/$provider" \
    --namespace "Kiosque.Infrastructure.CompiledModels.$provider"
done
