// Helpers for the scale-out tests: running the dyad binary (to completion,
// or in the background to be killed), and the corpora they run on.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace dyad::testing {

struct DyadRun {
  int status = -1;       // exit status, -1 if killed or not run
  std::string out, err;  // stdout and stderr
  double peak_rss_mib = 0;
};

// Runs `dyad ARGS` through the shell (ARGS may hold redirections of its own),
// capturing stdout and stderr, and the child's peak RSS.
inline DyadRun RunDyad(const std::string& args) {
  ScratchDir tmp;
  std::string out = tmp / "out", err = tmp / "err";
  std::string cmd = std::string("exec ") + DYAD_TEST_BINARY + " " + args +
                    " >" + out + " 2>" + err + " </dev/null";
  DyadRun r;
  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.peak_rss_mib = usage.ru_maxrss / 1024.0;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

// A dyad process in the background, output to files; killed if still running
// when destroyed.
class Background {
 public:
  explicit Background(const std::vector<std::string>& args) {
    pid_ = fork();
    if (pid_ == 0) {
      std::vector<char*> argv;
      std::string binary = DYAD_TEST_BINARY;
      argv.push_back(binary.data());
      std::vector<std::string> copy = args;
      for (std::string& a : copy) argv.push_back(a.data());
      argv.push_back(nullptr);
      int null = open("/dev/null", O_RDWR);
      dup2(null, 0);
      dup2(null, 2);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
  }
  ~Background() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  // Sends SIGKILL and reaps the process; true if it was still running.
  bool Kill() {
    int status = 0;
    bool running = waitpid(pid_, &status, WNOHANG) == 0;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    return running;
  }

 private:
  pid_t pid_ = -1;
};

// Waits up to `seconds` for `ready` to hold, polling.
template <typename F>
bool WaitFor(F ready, double seconds) {
  auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return ready();
}

inline std::string ReutersDir() { return SharedDir() + "/data/corpus/reuters21578"; }

// A few Reuters-21578 files (some thousand documents): enough for every
// code path, fast enough to run many times.
inline std::string ReutersSample() {
  std::string dir = ReutersDir();
  return dir + "/reut2-000.sgm " + dir + "/reut2-001.sgm " + dir + "/reut2-002.sgm";
}

// Half the corpus, as separate paths (the kill tests need a run that lasts
// a moment even on one thread).
inline std::string ReutersHalf() {
  std::string paths;
  for (int i = 0; i < 11; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/reut2-%03d.sgm ", i);
    paths += ReutersDir() + name;
  }
  return paths;
}

}  // namespace dyad::testing
