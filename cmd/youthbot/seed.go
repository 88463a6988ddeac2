package main

import (
	"errors"
	"flag"
	"fmt"
	"time"

	"youthbot/seed"
	"youthbot/storage"
)

// cmdSeed adds synthetic data to the database (package seed): a province's
// unit tree with Vietnamese names, members spread over its branches, their
// activities over the last 12 months, youth projects and this year's
// targets, for demos and benchmarks. It refuses a database seeded already.
func (e *cli) cmdSeed(args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	units := fs.Int("units", 100, "units in the generated tree: province, districts, grassroots unions, branches (at least 4)")
	members := fs.Int("members", 5000, "members, spread over the branches")
	activities := fs.Int("activities", 50000, "activities, spread over the 12 months ending today")
	flat := fs.Bool("flat", false, "today's shape: grassroots unions directly under the province, no districts")
	merger := fs.Bool("merge-districts", false, "add the merger of half of the districts into the others on 1 January (a history; not with --flat)")
	seedValue := fs.Uint64("seed", 1, "random seed: the same seed and sizes give the same data")
	cfg, _, err := e.parse("seed", fs, args, 0)
	if err != nil {
		return err
	}
	switch {
	case *units < 4:
		return &ConfigError{Msg: fmt.Sprintf("seed: --units %d: at least 4 (a province, a district, a grassroots union, a branch)", *units)}
	case *members < 0 || *activities < 0:
		return &ConfigError{Msg: "seed: --members and --activities cannot be negative"}
	case *flat && *merger:
		return &ConfigError{Msg: "seed: --merge-districts needs districts: not with --flat"}
	case *activities > 0 && *members == 0:
		return &ConfigError{Msg: "seed: --activities needs --members: activities are members'"}
	}
	// No fsync per transaction while generating; one at the end.
	db, err := storage.Open(cfg.DB, storage.Options{Timeout: dbTimeout, NoSync: true})
	if errors.Is(err, storage.ErrLocked) {
		return fmt.Errorf("database %s is in use by another process (a running bot?); stop it first", cfg.DB)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	err = seed.Generate(db, seed.Options{Units: *units, Members: *members, Activities: *activities,
		Now: time.Now(), Loc: cfg.TZ, Seed: *seedValue, Flat: *flat, Merger: *merger})
	if err != nil {
		return err
	}
	if err := db.Bolt().Sync(); err != nil {
		return fmt.Errorf("seed: sync %s: %w", cfg.DB, err)
	}
	fmt.Fprintf(e.stdout, "seed: %d units (province %s), %d members, %d activities written to %s in %v\n",
		*units, seed.RootCode, *members, *activities, cfg.DB, time.Since(start).Round(100*time.Millisecond))
	return nil
}
