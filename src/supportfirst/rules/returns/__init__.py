"""Statutory returns: the code lists and writers, in plain Python with no Django import.

The Django apps feed these modules plain records; these modules know nothing about the database.
"""
