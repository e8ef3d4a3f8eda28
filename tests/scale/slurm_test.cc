// dyad on a Slurm cluster: a single-node cluster (munged, slurmctld and
// slurmd on localhost, configured in a scratch directory) is started here,
// a 4-task job array runs `dyad segment --shard i/4` over a corpus, and
// `dyad merge` of the four outputs must equal one run, byte for byte.
//
// Skipped only when Slurm is not installed at all; when it is installed but
// the cluster does not come up, the test fails and prints the daemons' logs.
// Everything started here is stopped at the end.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "scale_util.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using testing::DyadRun;
using testing::ReadFile;
using testing::RunDyad;
using testing::ScratchDir;
using testing::WaitFor;
using testing::WriteFile;

// The full path of a program on PATH or in the sbin directories, or "".
std::string FindProgram(const std::string& name) {
  std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  path += ":/usr/sbin:/sbin:/usr/local/sbin";
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    std::string dir = path.substr(start, end - start);
    if (!dir.empty() && access((dir + "/" + name).c_str(), X_OK) == 0)
      return dir + "/" + name;
    start = end + 1;
  }
  return "";
}

// A TCP port on 127.0.0.1 that nothing listens on right now.
int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

// Runs a command through the shell and returns its stdout (stderr to the
// same), or the exit status through *status.
std::string Shell(const std::string& command, int* status = nullptr) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return output;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
  int rc = pclose(pipe);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return output;
}

// A daemon run in the foreground as our child, its output to `log`.
class Daemon {
 public:
  Daemon(const std::vector<std::string>& argv, const std::string& log) {
    pid_ = fork();
    if (pid_ == 0) {
      setpgid(0, 0);
      int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, 1);
      dup2(fd, 2);
      std::vector<std::string> copy = argv;
      std::vector<char*> args;
      for (std::string& a : copy) args.push_back(a.data());
      args.push_back(nullptr);
      execv(args[0], args.data());
      _exit(127);
    }
  }
  ~Daemon() { Stop(); }
  bool running() {
    return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0;
  }
  // SIGTERM, up to 10 s to exit, then SIGKILL.
  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    bool exited = WaitFor([&] { return waitpid(pid_, nullptr, WNOHANG) != 0; }, 10);
    if (!exited) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
};

class SlurmCluster {
 public:
  // Starts munged, slurmctld and slurmd; false (with *problem) if they do
  // not come up within 30 seconds.
  bool Start(const fs::path& dir, std::string* problem) {
    dir_ = dir;
    for (const char* sub : {"state", "spool", "log"}) fs::create_directories(dir / sub);
    // A fresh munge key: 1 KiB of randomness, readable by root only.
    {
      std::random_device rd;
      std::string key(1024, '\0');
      for (char& c : key) c = static_cast<char>(rd());
      WriteFile(dir / "munge.key", key);
      fs::permissions(dir / "munge.key", fs::perms::owner_read | fs::perms::owner_write);
    }
    const std::string socket = (dir / "munge.sock").string();
    munged_ = std::make_unique<Daemon>(
        std::vector<std::string>{FindProgram("munged"), "--foreground", "--force",
                                 "--socket=" + socket,
                                 "--key-file=" + (dir / "munge.key").string(),
                                 "--pid-file=" + (dir / "munged.pid").string(),
                                 "--log-file=" + (dir / "log/munged.log").string(),
                                 "--seed-file=" + (dir / "munged.seed").string()},
        (dir / "log/munged.out").string());
    if (!WaitFor([&] { return fs::exists(socket); }, 15)) {
      *problem = "munged did not start";
      return false;
    }
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    std::string node(host);
    node = node.substr(0, node.find('.'));
    const std::string d = dir.string();
    std::string conf =
        "ClusterName=dyadtest\n"
        "SlurmctldHost=" + node + "(127.0.0.1)\n"
        "SlurmctldPort=" + std::to_string(FreePort()) + "\n"
        "SlurmdPort=" + std::to_string(FreePort()) + "\n"
        "AuthType=auth/munge\nCredType=cred/munge\n"
        "AuthInfo=socket=" + socket + "\n"
        "SlurmUser=root\nSlurmdUser=root\n"
        "StateSaveLocation=" + d + "/state\nSlurmdSpoolDir=" + d + "/spool\n"
        "SlurmctldPidFile=" + d + "/slurmctld.pid\nSlurmdPidFile=" + d + "/slurmd.pid\n"
        "SlurmctldLogFile=" + d + "/log/slurmctld.log\n"
        "SlurmdLogFile=" + d + "/log/slurmd.log\n"
        "ProctrackType=proctrack/linuxproc\nTaskPlugin=task/none\n"
        "JobAcctGatherType=jobacct_gather/none\n"
        "AccountingStorageType=accounting_storage/none\n"
        "SchedulerType=sched/builtin\nSelectType=select/cons_tres\n"
        "SelectTypeParameters=CR_Core\nReturnToService=2\nMpiDefault=none\n"
        "SwitchType=switch/none\nMailProg=/bin/true\n"
        "NodeName=" + node + " NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN\n"
        "PartitionName=dyad Nodes=" + node +
        " Default=YES MaxTime=INFINITE State=UP\n";
    conf_ = d + "/slurm.conf";
    WriteFile(conf_, conf);
    setenv("SLURM_CONF", conf_.c_str(), 1);
    slurmctld_ = std::make_unique<Daemon>(
        std::vector<std::string>{FindProgram("slurmctld"), "-D", "-i", "-f", conf_},
        d + "/log/slurmctld.out");
    slurmd_ = std::make_unique<Daemon>(
        std::vector<std::string>{FindProgram("slurmd"), "-D", "-f", conf_, "-N", node},
        d + "/log/slurmd.out");
    bool idle = WaitFor(
        [&] {
          return Shell(FindProgram("sinfo") + " -h -o %t").find("idle") !=
                 std::string::npos;
        },
        30);
    if (!idle) *problem = "the node did not become idle: " + Shell(FindProgram("sinfo"));
    return idle;
  }

  // Everything the daemons logged, for a failure message.
  std::string Logs() const {
    std::string all;
    for (const char* name : {"munged.out", "slurmctld.out", "slurmd.out",
                             "slurmctld.log", "slurmd.log"}) {
      std::string text = ReadFile((dir_ / "log" / name).string());
      if (text.size() > 3000) text = "..." + text.substr(text.size() - 3000);
      all += "--- " + std::string(name) + "\n" + text;
    }
    return all;
  }

  ~SlurmCluster() {
    if (slurmctld_ && slurmctld_->running())
      Shell(FindProgram("scancel") + " --user=root");
    slurmd_.reset();
    slurmctld_.reset();
    munged_.reset();
    unsetenv("SLURM_CONF");
  }

 private:
  fs::path dir_;
  std::string conf_;
  std::unique_ptr<Daemon> munged_, slurmctld_, slurmd_;
};

TEST(Slurm, JobArrayShardsMergeToTheSingleProcessOutput) {
  for (const char* program : {"slurmctld", "slurmd", "sbatch", "squeue", "sinfo"})
    if (FindProgram(program).empty())
      GTEST_SKIP() << program << " is not installed (Debian: slurm-wlm)";
  ASSERT_FALSE(FindProgram("munged").empty())
      << "Slurm is installed but munged is not (Debian: munge)";
  ASSERT_EQ(geteuid(), 0u) << "the Slurm test starts slurmd, which needs root";

  ScratchDir dir;
  SlurmCluster cluster;
  std::string problem;
  ASSERT_TRUE(cluster.Start(dir.path(), &problem))
      << "Slurm did not start: " << problem << "\n" << cluster.Logs();

  const std::string corpus = testing::ReutersSample() + " " +
                             testing::SourceDir() + "/examples";
  DyadRun single = RunDyad("segment " + corpus);
  ASSERT_EQ(single.status, 0) << single.err;

  // The job script a user would write (docs/cluster.md).
  const std::string out = dir / "out";
  fs::create_directories(out);
  WriteFile(dir.path() / "job.sh",
            "#!/bin/sh\n"
            "exec " + std::string(DYAD_TEST_BINARY) + " segment -q -j 1 --resume "
            "--shard \"$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT\" "
            "-o " + out + "/shard.$SLURM_ARRAY_TASK_ID " + corpus + "\n");
  int status = 0;
  std::string submitted =
      Shell(FindProgram("sbatch") + " --parsable --array=0-3 --cpus-per-task=1 "
            "--output=" + out + "/task.%a.log " + (dir / "job.sh"), &status);
  ASSERT_EQ(status, 0) << "sbatch failed: " << submitted << "\n" << cluster.Logs();
  const std::string job = submitted.substr(0, submitted.find_first_of(";\n"));

  bool finished = WaitFor(
      [&] {
        return Shell(FindProgram("squeue") + " -h -j " + job).find_first_not_of(
                   " \n") == std::string::npos;
      },
      90);
  ASSERT_TRUE(finished) << "job " << job << " did not finish in 90 s:\n"
                        << Shell(FindProgram("squeue")) << cluster.Logs();

  std::string shards;
  for (int i = 0; i < 4; ++i) {
    std::string shard = out + "/shard." + std::to_string(i);
    ASSERT_TRUE(fs::exists(shard))
        << "task " << i << " wrote nothing:\n"
        << ReadFile(out + "/task." + std::to_string(i) + ".log") << cluster.Logs();
    shards += " " + shard;
  }
  DyadRun merged = RunDyad("merge" + shards);
  ASSERT_EQ(merged.status, 0) << merged.err;
  EXPECT_TRUE(merged.out == single.out) << "merged output differs from one run";
  EXPECT_EQ(merged.err, single.err);
}

}  // namespace
}  // namespace dyad
