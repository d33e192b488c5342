from deliberate.cli.main import entry

entry()
