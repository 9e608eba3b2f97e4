from jobcompare.cli.app import main

main()
