# The us-federal profile: every shipped policy at its default severity (the
# same as giving no --policy). Syntax: ../README.md.
profile  us-federal  title="US federal procurement: every shipped policy at its default severity"
use  ndaa889
use  far-52.204-23
use  fcc-covered
use  ndaa2023-5949
use  dod-1260h
use  entity-list
use  pl113-6-516
