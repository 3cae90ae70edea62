#!/usr/bin/env bash
# tst_fuzzreplay: makes the seed corpora from the real data with fuzz_seeds and replays them through every fuzz
# target with fuzz_replay (no libFuzzer; in CI also under the address pass), then, where this machine has fuzzed,
# the saved corpus and the inputs that once failed (FUZZ_DIR, default build-fuzz/fuzz of the source tree).
#   replay.sh FUZZ_SEEDS FUZZ_REPLAY RESOURCES [FUZZ_DIR]
set -euo pipefail
seeds_bin="$1" replay_bin="$2" resources="$3" fuzz_dir="${4:-}"
data="${DELINEATE_DATA:-${DELINEATE_DATA_DEFAULT:-../shared/data}}"
if [ ! -d "$data" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "tst_fuzzreplay: no data folder $data (DELINEATE_DATA) and CI=true" >&2
    exit 1
  fi
  echo "tst_fuzzreplay: SKIP: no data folder $data (set DELINEATE_DATA)"
  exit 77
fi
export DELINEATE_DATA="$data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$seeds_bin" "$data" "$resources" "$work/seeds"
for target in dicom_file dicom_seg volume_nii volume_niigz volume_nrrd volume_mha segmentation_nrrd \
              segmentation_sidecar model_header journal; do
  paths=("$work/seeds/$target")
  if [ -n "$fuzz_dir" ]; then
    for saved in "$fuzz_dir/corpus/$target" "$fuzz_dir/artifacts/$target"; do
      if [ -d "$saved" ] && [ -n "$(ls -A "$saved")" ]; then paths+=("$saved"); fi
    done
  fi
  "$replay_bin" "$target" "${paths[@]}"
done
