"""Developer tooling: start the whole suite locally (`make run`) and in end-to-end tests."""
