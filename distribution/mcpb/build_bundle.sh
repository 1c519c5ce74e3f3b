#!/usr/bin/env bash
# Packs the desktop bundle (MCPB): manifest.json, the wheel and the dependency pins, zipped by the
# mcpb CLI after it validated the manifest. The bundle starts the server with uvx from that wheel.
#
#   distribution/mcpb/build_bundle.sh OUT_DIR      (MCPB=path/to/mcpb, PYTHON=python with `build`)
set -euo pipefail
out_dir=${1:?usage: build_bundle.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mcpb=${MCPB:-mcpb}
python=${PYTHON:-python3}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/server" "$out_dir"
"$python" -m build --wheel --outdir "$stage/server" "$root" >/dev/null
cp "$here/manifest.json" "$stage/manifest.json"
cp "$root/constraints.txt" "$stage/server/constraints.txt"
"$mcpb" validate "$stage/manifest.json"
"$mcpb" pack "$stage" "$out_dir/lucca-training.mcpb"
