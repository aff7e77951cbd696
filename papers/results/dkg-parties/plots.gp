# okmpc bench plots (generated; data inline). Redraw with: gnuplot plots.gp
$cost_vs_parties_0 << EOD
3 46.3446 2.07165 50.2793
5 94.6306 50.4595 94.6831
10 309.89 252.193 326.957
25 381.549 367.591 827.45
50 5859.69 4535.42 6116.32
100 30738.7 26858.6 31605
EOD
$cost_vs_parties_1 << EOD
3 5.29293 4.76188 5.45255
5 136.935 61.7918 149.43
10 631.854 590.116 637.352
25 8526.67 7543.47 9558.13
50 84422 58379 96002.8
100 584201 227984 637553
EOD
$bytes_vs_parties_0 << EOD
3 1224 1224 1224
5 3256 3256 3256
10 10701 10701 10701
25 57096 57096 57096
50 214816 214816 214816
100 824571 824571 824571
EOD
$bytes_vs_parties_1 << EOD
3 1024 1024 1024
5 2592 2592 2592
10 8316 8316 8316
25 42816 42816 42816
50 158172 158172 158172
100 602316 602316 602316
EOD
$wall_vs_latency_0 << EOD
0 44.6249 0.434636 48.5771
EOD
$wall_vs_latency_1 << EOD
0 44.9073 40.9458 88.99
EOD
$wall_vs_latency_2 << EOD
0 101.565 94.1747 149.877
EOD
$wall_vs_latency_3 << EOD
0 63.5901 62.5802 176.09
EOD
$wall_vs_latency_4 << EOD
0 242.409 210.959 252.638
EOD
$wall_vs_latency_5 << EOD
0 375.921 358.933 530.433
EOD
$wall_vs_latency_6 << EOD
0 1.07741 0.943659 1.09231
EOD
$wall_vs_latency_7 << EOD
0 46.4109 3.31788 62.333
EOD
$wall_vs_latency_8 << EOD
0 85.3343 78.7483 102.137
EOD
$wall_vs_latency_9 << EOD
0 372.033 371.201 427.016
EOD
$wall_vs_latency_10 << EOD
0 2103.31 1559.88 2357.28
EOD
$wall_vs_latency_11 << EOD
0 8145.68 3801.4 9096.08
EOD
set encoding utf8
set termoption noenhanced
set datafile separator whitespace
set terminal pngcairo size 1200,700 noenhanced font "DejaVu Sans,11"
set output "cost_vs_parties.png"
set title "Compute cost vs parties: compute time of all parties for one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "compute time, all parties (ms)"
set logscale x
set logscale y
set xtics (3, 5, 10, 25, 50, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $cost_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, t = 2/3 n", \
     $cost_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, t = 2/3 n", \
     0.0307234 with lines dt 2 lw 2 title "baseline: libsodium crypto_sign_detached (Ed25519) (one party)", \
     0.677168 with lines dt 2 lw 2 title "baseline: libsecp256k1 secp256k1_ecdsa_sign (one party)"
unset output
set terminal pngcairo size 1200,700 noenhanced font "DejaVu Sans,11"
set output "bytes_vs_parties.png"
set title "Communication vs parties: bytes sent per party in one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "bytes sent per party (bytes)"
set logscale x
set logscale y
set xtics (3, 5, 10, 25, 50, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $bytes_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, t = 2/3 n", \
     $bytes_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, t = 2/3 n"
unset output
set terminal pngcairo size 1200,700 noenhanced font "DejaVu Sans,11"
set output "wall_vs_latency.png"
set title "Simulated wall time vs network latency (median, bars: min-max)"
set xlabel "one-way link latency (ms)"
set ylabel "simulated wall time of one run (ms)"
unset logscale x
unset logscale y
set xtics (0)
set xrange [-1:1]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $wall_vs_latency_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 2-of-3", \
     $wall_vs_latency_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 4-of-5", \
     $wall_vs_latency_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 7-of-10", \
     $wall_vs_latency_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 17-of-25", \
     $wall_vs_latency_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 34-of-50", \
     $wall_vs_latency_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 67-of-100", \
     $wall_vs_latency_6 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 2-of-3", \
     $wall_vs_latency_7 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 4-of-5", \
     $wall_vs_latency_8 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 7-of-10", \
     $wall_vs_latency_9 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 17-of-25", \
     $wall_vs_latency_10 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 34-of-50", \
     $wall_vs_latency_11 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 67-of-100"
unset output
set terminal svg size 1200,700 dynamic noenhanced font "DejaVu Sans,11"
set output "cost_vs_parties.svg"
set title "Compute cost vs parties: compute time of all parties for one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "compute time, all parties (ms)"
set logscale x
set logscale y
set xtics (3, 5, 10, 25, 50, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $cost_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, t = 2/3 n", \
     $cost_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, t = 2/3 n", \
     0.0307234 with lines dt 2 lw 2 title "baseline: libsodium crypto_sign_detached (Ed25519) (one party)", \
     0.677168 with lines dt 2 lw 2 title "baseline: libsecp256k1 secp256k1_ecdsa_sign (one party)"
unset output
set terminal svg size 1200,700 dynamic noenhanced font "DejaVu Sans,11"
set output "bytes_vs_parties.svg"
set title "Communication vs parties: bytes sent per party in one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "bytes sent per party (bytes)"
set logscale x
set logscale y
set xtics (3, 5, 10, 25, 50, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $bytes_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, t = 2/3 n", \
     $bytes_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, t = 2/3 n"
unset output
set terminal svg size 1200,700 dynamic noenhanced font "DejaVu Sans,11"
set output "wall_vs_latency.svg"
set title "Simulated wall time vs network latency (median, bars: min-max)"
set xlabel "one-way link latency (ms)"
set ylabel "simulated wall time of one run (ms)"
unset logscale x
unset logscale y
set xtics (0)
set xrange [-1:1]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $wall_vs_latency_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 2-of-3", \
     $wall_vs_latency_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 4-of-5", \
     $wall_vs_latency_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 7-of-10", \
     $wall_vs_latency_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 17-of-25", \
     $wall_vs_latency_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 34-of-50", \
     $wall_vs_latency_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg secp256k1 batched, 67-of-100", \
     $wall_vs_latency_6 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 2-of-3", \
     $wall_vs_latency_7 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 4-of-5", \
     $wall_vs_latency_8 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 7-of-10", \
     $wall_vs_latency_9 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 17-of-25", \
     $wall_vs_latency_10 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 34-of-50", \
     $wall_vs_latency_11 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "dkg ed25519 batched, 67-of-100"
unset output
