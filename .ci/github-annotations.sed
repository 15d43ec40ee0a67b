# Turn progcmp validate's `path:line:col: message` lines into GitHub Actions error annotations
# (::error file=...,line=...,col=...::message); any other line passes through unchanged.
# A workflow command's message escapes %, and its properties also , and : (the path cannot
# hold a ':' here: the pattern stops at the first one).
/^[^:]+:[0-9]+:[0-9]+: /{
  s/%/%25/g
  h
  s/^([^:]+):.*$/\1/
  s/,/%2C/g
  G
  s/^([^\n]*)\n[^:]+:([0-9]+):([0-9]+): (.*)$/::error file=\1,line=\2,col=\3::\4/
}
