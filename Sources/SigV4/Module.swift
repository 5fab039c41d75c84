// Module SigV4: see ../shared/DESIGN.md.
