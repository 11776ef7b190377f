"""Batches from stations to district HQ, on a pen drive.

A batch is one file: a tar archive of the rows that changed (JSON Lines per table), the
photo files they need and a manifest (station, batch number, period, counts, SHA-256 of
every member), signed with the station's Ed25519 key and encrypted for one HQ's X25519
key in authenticated chunks (`crypto`). HQ checks it whole before it writes anything
(`batch_reader`), decides from its number whether to merge it (`sequence`), merges it by
UUID in one transaction (`merge`), then matches what arrived across stations
(`cross_matching`). The user actions are in station_app.services.sync and .hq.
"""
