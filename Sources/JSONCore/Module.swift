// Module JSONCore: see ../shared/DESIGN.md. Files are added per concept.
