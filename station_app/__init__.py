"""Muskaan Station: offline registers of missing and found children for police stations."""

__version__ = "0.1.0"
