#!/bin/sh
# Regenerates home/static/fonts/noto-naskh-urdu.woff2: Noto Naskh Arabic (SIL OFL 1.1,
# Debian's fonts-noto-core) cut down to the letters, marks and punctuation Urdu, Arabic
# and Farsi text uses, so that Urdu pages show ہ and ے on machines without an Urdu font
# while staying inside the 100 KB first-load budget. Latin is left out: English text
# keeps the system font.
#
# Needs fonttools and brotli, kept out of the project's dependencies:
#   python3 -m venv /tmp/fontvenv && /tmp/fontvenv/bin/pip install fonttools brotli
#   apt-get install fonts-noto-core
#   PYFTSUBSET=/tmp/fontvenv/bin/pyftsubset scripts/build_urdu_font.sh
set -eu
SOURCE=${SOURCE:-/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf}
PYFTSUBSET=${PYFTSUBSET:-pyftsubset}
OUT=$(dirname "$0")/../home/static/fonts/noto-naskh-urdu.woff2
# Arabic letters and marks (0600-06FF: Urdu's ٹ پ چ ڈ ڑ ژ ک گ ں ھ ہ ۂ ۃ ی ے ۓ and ۔,
# the Arabic comma and question mark), Urdu's superscript alef and the joiners and
# direction marks that shaping and bidi need.
"$PYFTSUBSET" "$SOURCE" \
    --unicodes="U+0020,U+00A0,U+0600-06FF,U+200C-200F,U+2066-2069,U+FD3E-FD3F,U+25CC" \
    --layout-features='*' \
    --flavor=woff2 \
    --desubroutinize \
    --no-hinting \
    --output-file="$OUT"
ls -l "$OUT"
