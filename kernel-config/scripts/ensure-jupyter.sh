# Sourced by the kernel's scripts: installs Jupyter from the Debian packages when any is missing.
# The system's Python and Jupyter are used on purpose: a python3 earlier on PATH (pyenv, venv)
# usually has no Jupyter.

QDIFF_JUPYTER_PACKAGES=(jupyter-client python3-nbclient jupyter-nbconvert python3-ipykernel)
JUPYTER=/usr/bin/jupyter
PYTHON=/usr/bin/python3
# Debian's debugpy prints a "frozen modules" warning on every Jupyter command otherwise.
export PYDEVD_DISABLE_FILE_VALIDATION=1

ensure_jupyter() {
  local missing=() package
  for package in "${QDIFF_JUPYTER_PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "error: Jupyter packages missing (${missing[*]}) and not root: install them with" >&2
      echo "  apt-get install -y ${missing[*]}" >&2
      return 1
    fi
  fi
  echo "== installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
