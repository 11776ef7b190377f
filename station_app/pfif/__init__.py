"""PFIF 1.4, the People Finder Interchange Format of Google Person Finder and other
missing-person registries: the registers written as persons with notes, and PFIF files
read back as records. Photos travel by reference (a relative photo_url)."""
