#!/usr/bin/env bash
# On a build machine with the .NET SDK: publish the four services self-contained for linux-x64,
# so the Debian servers need no .NET runtime. Output: artifacts/d58/{ingest,classifier,alerts,dashboard}.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-artifacts/d58}
for service in Ingest Classifier Alerts Dashboard; do
  dotnet publish "src/$service/$service.csproj" -c Release -r linux-x64 --self-contained -o "$out/${service,,}"
done
echo "Published to $out; copy it to the server and run: sudo deploy/debian/install.sh $out"
