# The dod profile: as us-federal, but the DoD 1260H bars of NDAA FY2024
# §805 bind a DoD buyer, so they block. Syntax: ../README.md.
profile  dod  title="DoD procurement: us-federal with the 1260H contract bar at block"
use  ndaa889
use  far-52.204-23
use  fcc-covered
use  ndaa2023-5949
use  dod-1260h  severity=block  rules=contract-bar
use  entity-list
use  pl113-6-516
