"""The life of one mentorship as pure transitions: each returns a new status or refuses, saying why.

A status carries the policy snapshot it started under and the timeline computed from it,
so later edits to the program's policy never change the rules a running mentorship lives by.
``states`` and ``parties`` name where a pair is and who acts; ``status`` holds a pair's status
and the guards every transition shares; ``activation``, ``evaluations`` and ``endings`` are
the transitions from proposal to confirmation and signature, through the evaluations, to the end.
"""
