// Module CloudControlLocal: see ../shared/DESIGN.md. Files are added per concept.
