# Shared by scripts/run and scripts/test: install missing Debian packages, configure and build.
# shellcheck shell=bash
set -euo pipefail

DELINEATE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DELINEATE_BUILD="${DELINEATE_BUILD:-$DELINEATE_ROOT/build}"
export DELINEATE_DATA="${DELINEATE_DATA:-$DELINEATE_ROOT/../shared/data}"
# Paths relative to the checkout in ccache's keys, so that a fresh clone (CI) reuses earlier compilations.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$DELINEATE_ROOT}"

DELINEATE_PACKAGES=(
  cmake g++ ninja-build ccache pkg-config
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libtorch-dev libdcmtk-dev libinsighttoolkit5-dev libgdcm-dev libcharls-dev libopenblas0-pthread
  xvfb xauth
  dcm2niix dicom3tools dcmtk libgdcm-tools mricron-data python3-pydicom
)

delineate_install_packages() {
  local missing=()
  for p in "${DELINEATE_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing missing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

delineate_build() {
  local type="${1:-Release}"
  shift || true
  cmake -S "$DELINEATE_ROOT" -B "$DELINEATE_BUILD" -G Ninja -DCMAKE_BUILD_TYPE="$type" \
    -DDELINEATE_DATA="$DELINEATE_DATA" "$@"
  cmake --build "$DELINEATE_BUILD" --parallel "$(nproc)"
}

# The sample study: a DICOM series written from mricron-data's Colin 27 T1 MRI (made here, never copied).
delineate_sample_study() {
  local sample="$DELINEATE_BUILD/sample/colin27-t1"
  if [ ! -f "$sample/.complete" ]; then
    rm -rf "$sample"
    "$DELINEATE_BUILD/app/delineate-cli" make-series /usr/share/mricron/templates/ch2.nii.gz "$sample" \
      --modality MR --description "Colin 27 T1 (mricron-data)" >&2
    touch "$sample/.complete"
  fi
  echo "$sample"
}
