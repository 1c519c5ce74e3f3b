"""Prompt templates as data files, and the one loader that serves them to every face."""
