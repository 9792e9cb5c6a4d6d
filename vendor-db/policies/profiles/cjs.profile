# The cjs profile: Commerce, Justice, NASA and NSF, the agencies funded by
# the Commerce-Justice-Science appropriations act where P.L. 113-6 §516
# (div. B, title V) originated. As us-federal, with §516's ownership test
# at block. Syntax: ../README.md.
profile  cjs  title="Commerce-Justice-Science agencies: us-federal with the P.L. 113-6 section 516 ownership test at block"
use  ndaa889
use  far-52.204-23
use  fcc-covered
use  ndaa2023-5949
use  dod-1260h
use  entity-list
use  pl113-6-516  severity=block  rules=owned-or-directed
