// Package control is the local control socket of a running youthbot: other
// youthbot processes on the same machine ask it for a consistent backup of
// the database (which they cannot open while the bot holds its lock) and
// whether it is healthy. The socket lives beside the database file and is
// reachable only through the file system (mode 0600).
package control

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"time"
)

// SocketPath is where the control socket of the database at dbPath lives.
func SocketPath(dbPath string) string { return dbPath + ".sock" }

// Handler is what the socket serves.
type Handler struct {
	// Backup writes a consistent copy of the database to w.
	Backup func(w io.Writer) (int64, error)
	// Health returns nil when the process is healthy (database writable).
	Health func(ctx context.Context) error
}

// Server serves a control socket.
type Server struct {
	ln   net.Listener
	h    Handler
	log  *slog.Logger
	wg   sync.WaitGroup
	path string
}

// Listen opens the control socket at path, replacing a stale one (the caller
// holds the database lock, so no other live process owns it).
func Listen(path string, h Handler, log *slog.Logger) (*Server, error) {
	os.Remove(path)
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("control socket %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("control socket %s: %w", path, err)
	}
	s := &Server{ln: ln, h: h, log: log, path: path}
	s.wg.Add(1)
	go s.serve()
	return s, nil
}

// Close stops serving, waits for requests in flight and removes the socket.
func (s *Server) Close() error {
	err := s.ln.Close()
	s.wg.Wait()
	os.Remove(s.path)
	return err
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer conn.Close()
			s.handle(conn)
		}()
	}
}

func (s *Server) handle(conn net.Conn) {
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	line, err := bufio.NewReader(io.LimitReader(conn, 64)).ReadString('\n')
	if err != nil {
		return
	}
	conn.SetReadDeadline(time.Time{})
	switch strings.TrimSpace(line) {
	case "backup":
		// "OK\n" then the file; a failure after OK shows as a short copy
		// (there is no trailer): `youthbot backup` refuses it with
		// storage.Verify, which checks the size against the meta page.
		fmt.Fprint(conn, "OK\n")
		n, err := s.h.Backup(conn)
		if err != nil {
			s.log.Error("backup over control socket", "err", err)
			return
		}
		s.log.Info("backup served", "bytes", n)
	case "health":
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := s.h.Health(ctx); err != nil {
			fmt.Fprintf(conn, "ERR %s\n", err)
			return
		}
		fmt.Fprint(conn, "OK\n")
	default:
		fmt.Fprint(conn, "ERR unknown request\n")
	}
}

// ErrNotRunning means no process serves the socket.
var ErrNotRunning = errors.New("no running youthbot serves this database")

func dial(path string) (net.Conn, error) {
	conn, err := net.DialTimeout("unix", path, 2*time.Second)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNotRunning, err)
	}
	return conn, nil
}

// Backup asks the process serving path for a copy of its database and
// writes it to w.
func Backup(path string, w io.Writer) (int64, error) {
	conn, err := dial(path)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if _, err := fmt.Fprint(conn, "backup\n"); err != nil {
		return 0, fmt.Errorf("backup request: %w", err)
	}
	r := bufio.NewReader(conn)
	status, err := r.ReadString('\n')
	if err != nil {
		return 0, fmt.Errorf("backup answer: %w", err)
	}
	if status != "OK\n" {
		return 0, fmt.Errorf("backup refused: %s", strings.TrimSpace(status))
	}
	n, err := io.Copy(w, r)
	if err != nil {
		return n, fmt.Errorf("backup copy: %w", err)
	}
	return n, nil
}

// Health asks the process serving path whether it is healthy.
func Health(path string) error {
	conn, err := dial(path)
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(4 * time.Second))
	if _, err := fmt.Fprint(conn, "health\n"); err != nil {
		return fmt.Errorf("health request: %w", err)
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return fmt.Errorf("health answer: %w", err)
	}
	if line != "OK\n" {
		return fmt.Errorf("unhealthy: %s", strings.TrimSpace(strings.TrimPrefix(line, "ERR ")))
	}
	return nil
}
