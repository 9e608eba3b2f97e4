from jobcompare.cli import main

main()
