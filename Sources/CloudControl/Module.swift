// Module CloudControl: see ../shared/DESIGN.md. Files are added per concept.
