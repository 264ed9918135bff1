from samenwerk_cli.cli import main

main()
