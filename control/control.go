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
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// SocketPath is where the control socket of the database at dbPath lives.
func SocketPath(dbPath string) string { return dbPath + ".sock" }

// IdleTimeout is how long a backup stream may make no progress (a client
// that stopped reading) before it is cut.
const IdleTimeout = 30 * time.Second

// Handler is what the socket serves.
type Handler struct {
	// Backup writes a consistent copy of the database to w. It must not
	// hold a database transaction while w blocks (storage.DB.Backup copies
	// to a temporary file first).
	Backup func(w io.Writer) (int64, error)
	// Health returns nil when the process is healthy (database writable).
	Health func(ctx context.Context) error
	// Idle bounds a backup stream's time without progress; 0 means
	// IdleTimeout.
	Idle time.Duration
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
// holds the database lock, so no other live process owns it). The socket
// is bound in a new directory only its owner may enter (0700), made 0600
// there, and only then renamed to path: it is never reachable by others,
// whatever the umask.
func Listen(path string, h Handler, log *slog.Logger) (*Server, error) {
	if h.Idle <= 0 {
		h.Idle = IdleTimeout
	}
	dir, err := os.MkdirTemp(filepath.Dir(path), ".sock-")
	if err != nil {
		return nil, fmt.Errorf("control socket %s: %w", path, err)
	}
	defer os.Remove(dir)
	bound := filepath.Join(dir, "s")
	ln, err := net.Listen("unix", bound)
	if err != nil {
		return nil, fmt.Errorf("control socket %s: %w", path, err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false) // Close removes path
	if afterBind != nil {
		afterBind(bound)
	}
	err = os.Chmod(bound, 0o600)
	if err == nil {
		os.Remove(path)
		err = os.Rename(bound, path)
	}
	if err != nil {
		ln.Close()
		os.Remove(bound)
		return nil, fmt.Errorf("control socket %s: %w", path, err)
	}
	s := &Server{ln: ln, h: h, log: log, path: path}
	s.wg.Add(1)
	go s.serve()
	return s, nil
}

// afterBind, when set (tests), runs once the socket is bound, before it is
// made private and moved into place.
var afterBind func(bound string)

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
		w := &idleWriter{conn: conn, idle: s.h.Idle}
		fmt.Fprint(w, "OK\n")
		n, err := s.h.Backup(w)
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

// idleWriter writes to a connection with a deadline renewed by each write:
// a client that stops reading is cut after idle instead of holding the
// stream (and what feeds it) for ever.
type idleWriter struct {
	conn net.Conn
	idle time.Duration
}

func (w *idleWriter) Write(p []byte) (int, error) {
	var n int
	for len(p) > 0 {
		chunk := p[:min(len(p), 64<<10)]
		w.conn.SetWriteDeadline(time.Now().Add(w.idle))
		m, err := w.conn.Write(chunk)
		n += m
		if err != nil {
			return n, fmt.Errorf("backup client: %w", err)
		}
		p = p[m:]
	}
	return n, nil
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
